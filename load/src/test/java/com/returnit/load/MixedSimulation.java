package com.returnit.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;

/**
 * The ladder: {@code -Dprofile=smoke|load|stress|day-one|ramp|step} (step takes {@code -Drate=<users>}) of customers,
 * merchants, drivers and operators together, with the seeds' targets as assertions: p50 < 150 ms, p95 < 800 ms,
 * fewer than 1% failed requests.
 */
public class MixedSimulation extends Simulation {

	private final Target target = Target.fromSystem();

	private final Profile profile = Profile.named(target.profile(), target.rate(), target.seconds());

	private final Seed.Data data = new Seed(target).createOrReuse(profile.seededCustomers(),
			profile.drivers());

	{
		System.out.printf("Profile %s: %d users for %d s (%.1f customers/s, %.1f merchants/s, %d drivers)%n",
				profile.name(), profile.users(), profile.seconds(), profile.customersPerSecond(),
				profile.merchantsPerSecond(), profile.drivers());
		Scenarios users = new Scenarios(data);
		setUp(List.of(arrivals(users.customers(), profile.customersPerSecond()),
				arrivals(users.merchants(), profile.merchantsPerSecond()),
				arrivals(users.operators(), profile.operatorsPerSecond()),
				users.drivers(profile.seconds()).injectOpen(rampUsers(profile.drivers()).during(10))))
			.protocols(http.baseUrl(target.base()).acceptHeader("application/json").shareConnections()
				.disableCaching())
			.maxDuration(Duration.ofSeconds(profile.seconds() + 60))
			.assertions(global().responseTime().percentile(50).lt(150),
					global().responseTime().percentile(95).lt(800), global().failedRequests().percent().lt(1.0));
	}

	private PopulationBuilder arrivals(ScenarioBuilder scenario, double perSecond) {
		return scenario.injectOpen(profile.name().equals("ramp") ? stairs(perSecond) : steady(perSecond));
	}

	/** Ten seconds to reach the rate, then the rate for the profile's duration. */
	private OpenInjectionStep[] steady(double perSecond) {
		return new OpenInjectionStep[] { rampUsersPerSec(perSecond / 10).to(perSecond).during(10),
				constantUsersPerSec(perSecond).during(profile.seconds()) };
	}

	/** Eight equal stairs up to the rate, each held for an eighth of the duration. */
	private OpenInjectionStep[] stairs(double perSecond) {
		int level = Math.max(1, profile.seconds() / 8);
		return new OpenInjectionStep[] { incrementUsersPerSec(perSecond / 8).times(8).eachLevelLasting(level)
			.separatedByRampsLasting(2).startingFrom(perSecond / 8) };
	}
}
