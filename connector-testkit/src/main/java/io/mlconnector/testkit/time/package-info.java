/** Time helpers for tests: a clock that is moved by hand instead of waited for. */
package io.mlconnector.testkit.time;
