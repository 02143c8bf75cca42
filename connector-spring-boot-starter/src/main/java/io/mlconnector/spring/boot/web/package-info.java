/**
 * The connector's webhook endpoints in a servlet (Spring MVC) application: raw body bytes and every header go to the
 * engine, its answer comes back as it is.
 */
package io.mlconnector.spring.boot.web;
