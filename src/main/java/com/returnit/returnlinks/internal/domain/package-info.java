/** Return sessions and their rules, free of Spring. */
@NullMarked
package com.returnit.returnlinks.internal.domain;

import org.jspecify.annotations.NullMarked;
