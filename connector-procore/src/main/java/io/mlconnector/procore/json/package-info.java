/** Jackson setup for Procore bodies: snake_case names, money as plain decimal strings, lenient dates and text. */
package io.mlconnector.procore.json;
