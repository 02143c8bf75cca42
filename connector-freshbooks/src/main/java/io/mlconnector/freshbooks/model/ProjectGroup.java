package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The team of a project: its members and pending invitations. */
public record ProjectGroup(
        @JsonProperty("id") Long id,
        @JsonProperty("members") List<GroupMember> members,
        @JsonProperty("pending_invitations") List<Object> pendingInvitations) {

    /**
     * Checks the components.
     *
     * @param id the object's id
     * @param members the members
     * @param pendingInvitations the pending invitations
     */
    public ProjectGroup {
        members = members == null ? List.of() : List.copyOf(members);
        pendingInvitations = pendingInvitations == null ? List.of() : List.copyOf(pendingInvitations);
    }
}
