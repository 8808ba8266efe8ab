package io.stsgate.directory;

/** IdP metadata that stsgate cannot use; the message names the problem, never the whole document. */
public final class SamlMetadataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SamlMetadataException(String message) {
        super(message);
    }
}
