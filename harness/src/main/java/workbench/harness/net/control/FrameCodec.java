package workbench.harness.net.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * One control frame: a be32 length, capped before anything is allocated, then UTF-8 JSON with a
 * "type". Fields are type-checked: no coercion, no missing or null creator properties.
 */
public final class FrameCodec {
    public static final int MAX_FRAME = 1 << 20;

    private final ObjectMapper json = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public void write(OutputStream out, Message message) throws IOException {
        byte[] body = json.writeValueAsBytes(message);
        if (body.length > MAX_FRAME) {
            throw new ProtocolException(ProtocolCode.FRAME_TOO_LARGE, "control frame of " + body.length + " bytes exceeds "
                    + MAX_FRAME, "this is a workbench bug: report it");
        }
        out.write(ByteBuffer.allocate(4).putInt(body.length).array());
        out.write(body);
        out.flush();
    }

    /** The next message; {@link EOFException} if the peer closed between frames. */
    public Message read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length < 2 || length > MAX_FRAME) {
            throw new ProtocolException(ProtocolCode.BAD_FRAME, "control frame length " + Integer.toUnsignedString(length)
                    + " is outside 2.." + MAX_FRAME, "is the peer a workbench of the same protocol?");
        }
        byte[] body = new byte[length];
        try {
            data.readFully(body);
        } catch (EOFException e) {
            throw new ProtocolException(ProtocolCode.TRUNCATED_FRAME, "control connection closed inside a frame", "the peer died or dropped the connection");
        }
        String text;
        try {
            // the frame is UTF-8 by definition: decoded strictly here, so Jackson never guesses another encoding
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ProtocolCode.BAD_MESSAGE, "control message is not UTF-8 text",
                    "is the peer a workbench of the same protocol?");
        }
        try {
            return json.readValue(text, Message.class);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ProtocolCode.BAD_MESSAGE, "unreadable control message: " + e.getOriginalMessage(),
                    "is the peer a workbench of the same protocol?");
        }
    }
}
