package com.returnit.backups.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The whole Spring context of a {@code backup} or {@code restore} command: configuration binding only (application.yml,
 * environment, arguments), no web server, no scheduler, no other module. Deliberately not a {@code @Configuration}, so
 * that the service's component scan does not pick it up.
 */
@EnableConfigurationProperties(BackupProperties.class)
public class CommandContext {
}
