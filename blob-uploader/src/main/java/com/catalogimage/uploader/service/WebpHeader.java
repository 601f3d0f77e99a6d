package com.catalogimage.uploader.service;

/**
 * Reads a WEBP image's dimensions from its first chunk. The JDK cannot decode WEBP, so this is all the verification a
 * WEBP gets: RIFF container, {@code WEBP} form, a {@code VP8 } (lossy), {@code VP8L} (lossless) or {@code VP8X}
 * (extended) chunk with the dimensions where the specification puts them. Anything else is refused as unsupported.
 */
final class WebpHeader {

    private WebpHeader() {
    }

    /** {@code {width, height}}, or an {@link InvalidImageException} saying why they cannot be read. */
    static int[] dimensions(byte[] bytes) {
        if (bytes.length < 30) {
            throw unsupported("it is only " + bytes.length + " bytes");
        }
        long riffSize = u32(bytes, 4);
        if (riffSize + 8 > bytes.length) {
            throw new InvalidImageException("WEBP is truncated: its RIFF header announces " + (riffSize + 8) + " bytes, "
                    + bytes.length + " arrived");
        }
        String chunk = new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> {
                // 3-byte frame tag (bit 0 clear on a key frame), start code 9d 01 2a, then 14-bit width and height.
                if ((bytes[20] & 1) != 0 || (bytes[23] & 0xFF) != 0x9D || (bytes[24] & 0xFF) != 0x01
                        || (bytes[25] & 0xFF) != 0x2A) {
                    throw unsupported("its VP8 chunk does not start with a key frame");
                }
                yield new int[] {u16(bytes, 26) & 0x3FFF, u16(bytes, 28) & 0x3FFF};
            }
            case "VP8L" -> {
                // Signature 0x2f, then width-1 and height-1 in 14 bits each.
                if ((bytes[20] & 0xFF) != 0x2F) {
                    throw unsupported("its VP8L chunk lacks the 0x2f signature");
                }
                long bits = u32(bytes, 21);
                yield new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
            }
            case "VP8X" -> new int[] {u24(bytes, 24) + 1, u24(bytes, 27) + 1};
            default -> throw unsupported("its first chunk is '" + printable(chunk) + "', not VP8, VP8L or VP8X");
        };
    }

    private static InvalidImageException unsupported(String why) {
        return new InvalidImageException("unsupported WEBP: its dimensions cannot be read (" + why + ")");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int at) {
        return u16(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    private static long u32(byte[] b, int at) {
        return (u24(b, at) | (long) (b[at + 3] & 0xFF) << 24);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
