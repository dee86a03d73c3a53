package com.returnit.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import com.returnit.platform.LargerBodies;
import com.returnit.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413: by Content-Length before reading, and while reading for
 * chunked bodies that declare no length. Routes a module declared as {@link LargerBodies} have their own limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

	static final class BodyTooLarge extends IOException {
		BodyTooLarge() {
			super("request body exceeds the limit");
		}
	}

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final long defaultLimit;
	private final List<LargerBodies> larger;

	BodySizeLimitFilter(long limit, List<LargerBodies> larger) {
		this.defaultLimit = limit;
		this.larger = List.copyOf(larger);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request.getRequestURI());
		if (request.getContentLengthLong() > limit) {
			tooLarge(request, response, limit);
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit), response);
		}
		catch (ServletException | IOException | RuntimeException e) {
			if (!causedByLimit(e)) {
				throw e;
			}
			if (!response.isCommitted()) {
				response.reset();
				tooLarge(request, response, limit);
			}
		}
	}

	private long limitFor(String path) {
		return larger.stream().filter(route -> PATHS.match(route.pathPattern(), path))
			.mapToLong(route -> route.limit().toBytes()).max().orElse(defaultLimit);
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + limit + " bytes.", request.getRequestURI());
	}

	static boolean causedByLimit(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;
		private final long limit;
		private long count;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			count += n;
			if (count > limit) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
