/**
 * One service per FreshBooks resource, exposing the operations the API supports for it.
 */
package io.mlconnector.freshbooks.resource;
