package com.returnit.platform;

import org.springframework.util.unit.DataSize;

/**
 * A route whose request bodies may be larger than {@code returnit.http.max-body-size}: a module that takes uploads
 * declares one as a bean, and the size limit at the edge lets that route's bodies through up to {@code limit}. The
 * endpoint still checks its own, finer limits. {@code pathPattern} is an Ant-style pattern such as
 * {@code /v1/orders/*}{@code /proof/**}.
 */
public record LargerBodies(String pathPattern, DataSize limit) {
}
