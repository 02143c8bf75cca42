package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A receipt or file attached to an expense, or an uploaded attachment/image ({@code /uploads/...}). */
public record Attachment(
        @JsonProperty("id") @JsonAlias("attachmentid") Long id,
        @JsonProperty("jwt") String jwt,
        @JsonProperty("public_id") String publicId,
        @JsonProperty("filename") String filename,
        @JsonProperty("media_type") String mediaType,
        @JsonProperty("uuid") String uuid) {

    @Override
    public String toString() {
        return "Attachment[id=" + id + ", filename=" + filename + ", mediaType=" + mediaType + ", jwt=****]";
    }
}
