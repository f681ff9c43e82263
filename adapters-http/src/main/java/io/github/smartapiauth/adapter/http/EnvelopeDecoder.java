package io.github.smartapiauth.adapter.http;

import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns every answer, 2xx or not, into the envelope's data or a domain error. Feign calls the
 * decoder for 2xx and the error decoder for the rest; both share {@link Answers}.
 */
final class EnvelopeDecoder implements Decoder, ErrorDecoder {

    private final Answers answers;

    EnvelopeDecoder(Answers answers) {
        this.answers = answers;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        return answers.dataOf(Bodies.route(response), response.status(), Bodies.read(response));
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        try {
            answers.dataOf(Bodies.route(response), response.status(), Bodies.read(response));
            return new io.github.smartapiauth.domain.error.UnexpectedResponseException("SmartAPI answered "
                    + Bodies.route(response) + " with HTTP " + response.status() + " and a success envelope");
        } catch (RuntimeException mapped) {
            return mapped;
        } catch (IOException e) {
            return Failures.fromIo(Bodies.route(response), e, null);
        }
    }
}
