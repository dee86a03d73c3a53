/**
 * Who is calling: accounts for customers, drivers, operators and merchants' staff, merchants' API keys, password login
 * and JWT tokens.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "platform")
package com.returnit.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
