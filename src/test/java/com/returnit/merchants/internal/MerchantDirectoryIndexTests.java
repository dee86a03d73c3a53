package com.returnit.merchants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's queries read through an index at a realistic volume (20,000 merchants, planned, then rolled back):
 * a search that few names match by the trigram index; pages, and searches so common (or short) that the first page is
 * found sooner by reading names in order, by the (lower(name), id) index. Never a sequential scan.
 */
class MerchantDirectoryIndexTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aSearchForAFewMerchantsUsesTheTrigramIndex() {
		String plan = explain(MerchantDirectory.pageQuery("outfitters 0004", null, 21));

		assertThat(plan).contains("Bitmap Index Scan on merchants_name_trgm_idx").doesNotContain("Seq Scan on merchants");
	}

	@Test
	void aSearchForAFewMerchantsOnTheNextPageUsesTheTrigramIndexToo() {
		String plan = explain(MerchantDirectory.pageQuery("knitwear 0012",
				new MerchantDirectory.Cursor("nordic knitwear 00121", UUID.randomUUID()), 21));

		assertThat(plan).contains("Bitmap Index Scan on merchants_name_trgm_idx").doesNotContain("Seq Scan on merchants");
	}

	@Test
	void aSearchMatchingManyMerchantsReadsTheNameIndexInOrderUntilThePageIsFull() {
		for (String common : new String[] { "outfit", "a" }) {
			String plan = explain(MerchantDirectory.pageQuery(common, null, 21));

			assertThat(plan).as(common).contains("Index Scan using merchants_directory_idx")
				.doesNotContain("Seq Scan on merchants");
		}
	}

	@Test
	void pagesWithoutASearchFollowTheNameIndexFromTheCursor() {
		String plan = explain(MerchantDirectory.pageQuery(null,
				new MerchantDirectory.Cursor("nordic knitwear 00500", UUID.randomUUID()), 21));

		assertThat(plan).contains("Index Scan using merchants_directory_idx").contains("Index Cond: (ROW(lower(name), id) >")
			.doesNotContain("Seq Scan on merchants");
	}

	private String explain(MerchantDirectory.PageQuery query) {
		return tx.execute(t -> {
			jdbc.sql("""
					INSERT INTO merchants (id, name, created_at, billing)
					SELECT gen_random_uuid(), (ARRAY['Alpine Outfitters', 'Nordic Knitwear', 'Urban Shoes', 'Baltic Home',
					  'Coastal Surf'])[1 + i % 5] || ' ' || lpad(i::text, 5, '0'), now(), 'merchant_pays'
					FROM generate_series(1, 20000) AS i""").update();
			jdbc.sql("ANALYZE merchants").update();
			String plan = String.join("\n",
					jdbc.sql("EXPLAIN " + query.sql()).params(query.params()).query(String.class).list());
			t.setRollbackOnly();
			return plan;
		});
	}
}
