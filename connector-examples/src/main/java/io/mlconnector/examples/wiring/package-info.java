/** How the example host wires one connection: clients, credential store, verifiers and durable state. */
package io.mlconnector.examples.wiring;
