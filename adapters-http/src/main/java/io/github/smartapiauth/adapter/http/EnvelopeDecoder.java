package io.github.smartapiauth.adapter.http;

import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import io.github.smartapiauth.domain.error.UnexpectedResponseException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Turns every answer, 2xx or not, into the envelope's data or a domain error. Feign calls the
 * decoder for 2xx and the error decoder for the rest; both share {@link SmartApiResponseReader}.
 */
final class EnvelopeDecoder implements Decoder, ErrorDecoder {

    private final SmartApiResponseReader responses;

    EnvelopeDecoder(SmartApiResponseReader responses) {
        this.responses = responses;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        return responses.dataOf(routeOf(response), response.status(), CappedBodyReader.read(response));
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        try {
            responses.dataOf(routeOf(response), response.status(), CappedBodyReader.read(response));
            return new UnexpectedResponseException("SmartAPI answered " + routeOf(response) + " with HTTP "
                    + response.status() + " and a success envelope");
        } catch (RuntimeException mapped) {
            return mapped;
        } catch (IOException e) {
            return CallFailureTranslator.fromIo(routeOf(response), e, null);
        }
    }

    /** The last path segment of the request (e.g. {@code getProfile}), as messages name the route. */
    private static String routeOf(Response response) {
        String url = response.request().url();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
