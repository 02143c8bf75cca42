/**
 * Facts about Procore's published REST API, from the committed table {@code procore-operations.jsonl} (generated from
 * Procore's OpenAPI document): every operation's method and path template, its query parameters (required or not),
 * its required body fields and, for the operations the connector's client calls, the type tree of its response.
 * {@link io.mlconnector.testkit.procore.spec.ProcoreOperations} loads the table and matches requests to operations;
 * {@link io.mlconnector.testkit.procore.spec.TypeTree} checks JSON values against a response type tree. The Procore
 * sandbox checks every request against it, and the conformance tests check the sandbox's answers with it.
 */
package io.mlconnector.testkit.procore.spec;
