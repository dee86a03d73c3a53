/** Identity rules in plain Java: one-time passwords. */
@NullMarked
package com.returnit.identity.internal.domain;

import org.jspecify.annotations.NullMarked;
