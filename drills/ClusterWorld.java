import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the cluster drills book with: a merchant (id and API key) and customers of their own, made through the API. */
record ClusterWorld(String operatorToken, String merchantId, String merchantKey, List<String> customerTokens) {

	static ClusterWorld create(DrillClient api, Options options, int customers) {
		String operator = api.login(options.get("admin-email"), options.get("admin-password"));
		api.post("/v1/service-areas", operator, "{\"name\":\"Berlin\",\"polygon\":[[52.60,13.10],[52.60,13.70],"
				+ "[52.38,13.70],[52.38,13.10]]}");
		var merchant = api.expect(201, api.post("/v1/merchants", operator, """
				{"name": "Cluster Drill Outfitters", "returnPolicy": {"windowDays": 30, "excludedCategories": [],
				 "maxItems": 5, "maxItemValueCents": 100000, "rules": []},
				 "hubs": [{"name": "Mitte hub", "address": "Invalidenstr 1, Berlin", "lat": 52.5321, "lng": 13.3849}]}
				"""), "create merchant");
		String key = merchant.body().replaceAll("(?s).*\"apiKey\"\\s*:\\s*\\{[^}]*\"secret\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < customers; i++) {
			String email = "cluster-" + UUID.randomUUID() + "@drill.returnit.local";
			api.expect(201, api.post("/v1/customers", null, "{\"email\":\"" + email
					+ "\",\"password\":\"customer-password-1\",\"name\":\"Drill Customer\"}"), "sign up");
			tokens.add(api.login(email, "customer-password-1"));
		}
		return new ClusterWorld(operator, merchant.text("id"), key, tokens);
	}

	/** Registers the receiver for every event of the merchant. */
	void subscribe(DrillClient api, Receiver receiver) {
		api.expect(201, api.post("/v1/webhook-endpoints", merchantKey, "{\"url\":\"" + receiver.url()
				+ "\",\"events\":[\"*\"]}"), "register the webhook endpoint");
	}
}
