package io.kbt.kalshi.auth;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys from PEM text. Java's {@link KeyFactory} reads PKCS#8 only, so a PKCS#1 key ({@code RSA PRIVATE KEY},
 * the form Kalshi hands out) is wrapped in the PKCS#8 structure first: SEQUENCE { 0, rsaEncryption, OCTET STRING }.
 */
public final class PemKeys {
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {}

    static PrivateKey privateKey(String pem, String source) {
        byte[] der;
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            der = pkcs1ToPkcs8(body(pem, "RSA PRIVATE KEY", source));
        } else if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
            der = body(pem, "PRIVATE KEY", source);
        } else if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new KeyFileException(source + ": the key is encrypted; give an unencrypted PEM key");
        } else {
            throw new KeyFileException(source + ": not a PEM private key (expected BEGIN RSA PRIVATE KEY or "
                    + "BEGIN PRIVATE KEY)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(source + ": not a readable RSA private key");
        }
    }

    /** A public key from {@code BEGIN PUBLIC KEY} PEM text (the fake exchange verifies signatures with it). */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(body(pem, "PUBLIC KEY", "key")));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException("not a readable RSA public key");
        }
    }

    private static byte[] body(String pem, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new KeyFileException(source + ": PEM block " + label + " is not closed");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source + ": PEM body is not base64");
        }
    }

    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM);
        content.write(0x04);
        content.writeBytes(length(pkcs1.length));
        content.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(length(content.size()));
        sequence.writeBytes(content.toByteArray());
        return sequence.toByteArray();
    }

    /** A DER length: short form below 128, else 0x80 | the number of big-endian length bytes. */
    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }
}
