package io.github.smartapiauth.adapter.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a body of at most {@code cap} bytes within a deadline, whatever the server sends. A
 * declared {@code Content-Length} above the cap is refused before any byte is kept; an undeclared
 * or lying body is refused at the first buffer that would pass the cap. Either way, or when the
 * deadline passes, the subscription is cancelled, which makes the JDK close the connection: the
 * rest is never read, so memory stays bounded by the cap and the deadline timer keeps running.
 */
final class BoundedBodySubscriber implements BodySubscriber<byte[]> {

    private final int cap;
    private final long declaredLength;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ScheduledFuture<?> deadline;
    private final ByteArrayOutputStream received;
    private volatile Flow.Subscription subscription;

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when none was sent
     */
    BoundedBodySubscriber(int cap, long declaredLength, ScheduledExecutorService timer, Duration timeout) {
        this.cap = cap;
        this.declaredLength = declaredLength;
        this.received = new ByteArrayOutputStream(declaredLength >= 0 && declaredLength <= cap ? (int) declaredLength : 8192);
        this.deadline = timer.schedule(() -> fail(new HttpTimeoutException("the body did not arrive within the read timeout")),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        body.whenComplete((result, failure) -> deadline.cancel(false));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        this.subscription = given;
        if (declaredLength > cap) {
            fail(new BodyTooLargeException(cap));
        } else if (body.isDone()) {
            given.cancel();
        } else {
            given.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone()) {
                return;
            }
            if ((long) received.size() + buffer.remaining() > cap) {
                fail(new BodyTooLargeException(cap));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            received.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }

    /** Ends the body with {@code failure} (the first failure wins) and cancels the rest of it. */
    private void fail(Exception failure) {
        if (body.completeExceptionally(failure)) {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
