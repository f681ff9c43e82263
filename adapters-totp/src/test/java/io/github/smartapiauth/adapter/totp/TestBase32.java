package io.github.smartapiauth.adapter.totp;

/** A plain RFC 4648 base32 encoder, written independently of the decoder under test. */
final class TestBase32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TestBase32() {
    }

    static String encode(byte[] data, boolean padded) {
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < data.length; group += 5) {
            long bits = 0;
            int bytes = Math.min(5, data.length - group);
            for (int i = 0; i < 5; i++) {
                bits = (bits << 8) | (i < bytes ? data[group + i] & 0xff : 0);
            }
            int chars = (bytes * 8 + 4) / 5;
            for (int i = 0; i < 8; i++) {
                if (i < chars) {
                    out.append(ALPHABET.charAt((int) (bits >>> (35 - 5 * i)) & 31));
                } else if (padded) {
                    out.append('=');
                }
            }
        }
        return out.toString();
    }
}
