package io.stsgate.directory;

/** A long-term access key ({@code AKIA…}) of a user. The secret never prints. */
public record AccessKey(String id, String secret, String userArn, Status status) {

    public enum Status {
        Active,
        Inactive
    }

    public boolean active() {
        return status == Status.Active;
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", userArn=" + userArn + ", status=" + status + "]";
    }
}
