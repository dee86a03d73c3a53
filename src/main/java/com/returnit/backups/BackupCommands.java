package com.returnit.backups;

import com.returnit.backups.internal.CommandRunner;

/**
 * The service's {@code backup} and {@code restore} commands: {@code java -jar returnit.jar backup --dir backups},
 * {@code java -jar returnit.jar restore --verify}. They run without the web server or any other module.
 */
public final class BackupCommands {

	private BackupCommands() {
	}

	public static boolean handles(String[] args) {
		return CommandRunner.isCommand(args);
	}

	/** Runs the command, printing progress and a verdict to standard output; answers the process exit code. */
	public static int run(String[] args) {
		return new CommandRunner(System.out).run(args);
	}
}
