package io.stsgate.identity.saml;

import static io.stsgate.identity.saml.SamlRejected.reject;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.security.credential.BasicCredential;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.SimpleRetrievalMethodEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;

/** Decrypts an EncryptedAssertion with the service provider's key, into a document of its own. */
final class SamlDecryption {

    private final ServiceProvider sp;
    private final BasicCredential decryptionCredential;

    /** @throws IllegalArgumentException when the SP's decryption key is not a usable RSA key */
    SamlDecryption(ServiceProvider sp) {
        this.sp = sp;
        this.decryptionCredential = sp.decryptionKey().map(SamlDecryption::decryptionCredential).orElse(null);
    }

    Assertion decrypt(EncryptedAssertion encrypted) {
        if (sp.decryptionKey().isEmpty()) {
            throw reject(SamlFailure.DECRYPTION_FAILED, "encrypted assertion but no SP decryption key configured");
        }
        BasicCredential kek = decryptionCredential;
        EncryptedKeyResolver keys = new ChainingEncryptedKeyResolver(
                List.of(new InlineEncryptedKeyResolver(), new SimpleRetrievalMethodEncryptedKeyResolver()));
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(kek), keys, List.of(),
                List.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15));
        decrypter.setRootInNewDocument(true);
        try {
            return decrypter.decrypt(encrypted);
        } catch (DecryptionException | RuntimeException e) {
            throw reject(SamlFailure.DECRYPTION_FAILED, "assertion decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** OpenSAML credentials need the public half: derive it from an RSA CRT private key. */
    private static BasicCredential decryptionCredential(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalArgumentException("the SP decryption key must be an RSA private key (CRT form)");
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new BasicCredential(publicKey, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the SP decryption key is unusable", e);
        }
    }
}
