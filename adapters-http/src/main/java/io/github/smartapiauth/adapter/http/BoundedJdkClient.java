package io.github.smartapiauth.adapter.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A Feign client on the JDK's HTTP client in which the read timeout bounds the body too: the
 * headers must arrive within it (the JDK's request timeout), and then the body within it. The
 * JDK's own timeout stops at the headers, so a server that stalls mid-body would otherwise hold
 * a renewal, and every caller waiting on it, as long as it likes. The body is also capped
 * ({@link CappedBodyReader#MAX_BODY_BYTES}) while it arrives, so no server can make it hold more
 * (see {@link BoundedBodySubscriber}). Calls stay synchronous
 * ({@code send}), which costs far fewer thread hand-offs than {@code sendAsync}.
 *
 * <p>It owns everything it starts, and {@link #close()} stops it: the JDK client runs on an executor
 * of its own (daemon threads {@code smartapi-auth-http-N}) instead of the JDK's default pool, whose
 * threads linger for a minute; the deadline timer ({@code smartapi-auth-http-deadline-N}) is started
 * on the first call. JDK 17's HTTP client has no {@code close()}: its selector thread
 * ({@code HttpClient-N-SelectorManager}) ends once the client is no longer referenced, so closing
 * drops this object's reference to it.
 */
final class BoundedJdkClient implements Client, AutoCloseable {

    /** Headers the JDK sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final Duration readTimeout;
    private final ExecutorService executor;
    private volatile HttpClient http;
    private volatile ScheduledExecutorService timer; // written under this
    private boolean closed; // guarded by this

    BoundedJdkClient(HttpSettings settings) {
        this.readTimeout = settings.readTimeout();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DaemonThreadFactory("smartapi-auth-http-"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpClient client = http;
        if (client == null) {
            throw new IOException("the HTTP client was closed");
        }
        ScheduledExecutorService deadlines = timer();
        HttpResponse<byte[]> response;
        try {
            response = client.send(toJdk(request), info -> new BoundedBodySubscriber(CappedBodyReader.MAX_BODY_BYTES,
                    info.headers().firstValueAsLong("Content-Length").orElse(-1), deadlines, readTimeout));
        } catch (InterruptedException e) {
            // The JDK has cancelled the exchange. The flag goes back on, and the error mapping turns
            // this into the domain's InterruptedWaitException (not a transient broker failure).
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the answer");
            interrupted.initCause(e);
            throw interrupted;
        }
        return Response.builder()
                .status(response.statusCode())
                .reason("")
                .headers(Map.copyOf(response.headers().map()))
                .body(response.body())
                .request(request)
                .build();
    }

    /** One daemon timer per client, started on the first call; never again once closed. */
    private ScheduledExecutorService timer() throws IOException {
        ScheduledExecutorService current = timer;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IOException("the HTTP client was closed");
            }
            if (timer == null) {
                ScheduledThreadPoolExecutor created = new ScheduledThreadPoolExecutor(1,
                        new DaemonThreadFactory("smartapi-auth-http-deadline-"));
                created.setRemoveOnCancelPolicy(true);
                timer = created;
            }
            return timer;
        }
    }

    /**
     * Stops the deadline timer and the executor, waiting a moment for their threads to end, and
     * drops the JDK client so that its selector thread ends once it is collected. A call still in
     * flight is not cancelled: it fails at its next network event (the JDK aborts the client when
     * the stopped executor refuses work) and at the latest when its request timeout (the read
     * timeout) expires. Idempotent.
     */
    @Override
    public void close() {
        ScheduledExecutorService stoppedTimer;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stoppedTimer = timer;
            timer = null;
        }
        http = null;
        if (stoppedTimer != null) {
            stoppedTimer.shutdownNow();
        }
        executor.shutdownNow();
        try {
            if (stoppedTimer != null) {
                stoppedTimer.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
            executor.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest toJdk(Request request) {
        HttpRequest.BodyPublisher body = request.body() == null || request.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout)
                .method(request.httpMethod().name(), body);
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.build();
    }
}
