package com.returnit;

import com.returnit.backups.BackupCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ReturnIt: on-demand return pickups, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReturnItApplication {

	public static void main(String[] args) {
		if (BackupCommands.handles(args)) {
			System.exit(BackupCommands.run(args));
		}
		SpringApplication.run(ReturnItApplication.class, args);
	}
}
