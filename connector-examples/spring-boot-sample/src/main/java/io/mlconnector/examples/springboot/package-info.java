/** A Spring Boot application using the ml-connector starter. */
package io.mlconnector.examples.springboot;
