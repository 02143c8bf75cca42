/** Records written as Procore request bodies (the wrappers and scope ids are added by the resource APIs). */
package io.mlconnector.procore.request;
