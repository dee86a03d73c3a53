/**
 * The web app: serves the faces built from {@code web/} (customer, driver, merchant, dispatch) as one single-page app,
 * with deep links answered by its index, hashed assets cached for a year, and what the app needs to start (map tiles,
 * address search, payment provider) at {@code GET /v1/public/web-config}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "platform")
package com.returnit.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
