/**
 * What the API accepts, decided once at the edge: text without NUL characters or unpaired surrogates (in bodies, query
 * parameters and headers alike), query strings that decode as UTF-8, JSON sent as JSON, and times and dates within the
 * range the service and PostgreSQL hold. Anything else is a 4xx problem naming what is wrong, before any module sees it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform" })
package com.returnit.inputs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
