/**
 * List queries: accounting search syntax and the plain filters of projects and time entries.
 */
package io.mlconnector.freshbooks.query;
