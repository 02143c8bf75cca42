/** JUnit 5 plumbing shared by the sandbox extensions. */
package io.mlconnector.testkit.junit;
