package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEmbeddedDatabaseIsPostgresql18AndAcknowledgesOnlyDurableCommits() {
		assertThat(setting("server_version")).startsWith("18.");
		assertThat(setting("synchronous_commit")).isEqualTo("on");
		assertThat(setting("fsync")).isEqualTo("on");
	}

	private String setting(String name) {
		return jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single();
	}
}
