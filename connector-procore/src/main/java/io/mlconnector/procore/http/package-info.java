/** Request execution for the Procore API: headers, query/filter encoding, Link/Total paging and error decoding. */
package io.mlconnector.procore.http;
