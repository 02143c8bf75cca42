/** The examples' one entry point: {@code demo}, {@code serve} and {@code ping}. */
package io.mlconnector.examples;
