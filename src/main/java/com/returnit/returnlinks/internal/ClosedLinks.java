package com.returnit.returnlinks.internal;

import com.returnit.platform.Gone;
import com.returnit.returnlinks.internal.domain.ReturnSession;
import java.util.Map;

/** The 410 a link's holder gets once the link expired or was revoked: what happened, and whom to ask. */
final class ClosedLinks {

	private ClosedLinks() {
	}

	static Gone gone(ReturnSession.Status status, String merchantName) {
		String what = status == ReturnSession.Status.REVOKED ? "was revoked" : "has expired";
		return new Gone("This return link " + what + "; ask " + merchantName + " for a new one.",
				Map.of("reason", status.code()));
	}
}
