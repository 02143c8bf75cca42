/** The one-command demo: a month at a general contractor, end to end against the sandboxes. */
package io.mlconnector.examples.demo;
