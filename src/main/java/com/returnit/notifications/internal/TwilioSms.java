package com.returnit.notifications.internal;

import com.returnit.notifications.SmsProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Twilio's Programmable Messaging REST API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with basic auth and
 * a form of To, From and Body; 2xx means Twilio accepted the message.
 */
final class TwilioSms implements SmsProvider {

	private final NotificationProperties.Twilio twilio;
	private final HttpClient http;

	TwilioSms(NotificationProperties.Twilio twilio) {
		if (twilio.accountSid().isBlank() || twilio.authToken().isBlank() || twilio.from().isBlank()) {
			throw new IllegalStateException("returnit.notifications.sms.twilio needs account-sid, auth-token and from "
					+ "(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)");
		}
		this.twilio = twilio;
		this.http = HttpClient.newBuilder().connectTimeout(twilio.timeout()).build();
	}

	@Override
	public void send(String to, String body) throws IOException, InterruptedException {
		String form = "To=" + encode(to) + "&From=" + encode(twilio.from()) + "&Body=" + encode(body);
		String credentials = Base64.getEncoder()
			.encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/"
				+ encode(twilio.accountSid()) + "/Messages.json"))
			.timeout(twilio.timeout())
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String answer = response.body();
			throw new IOException("Twilio answered " + response.statusCode() + ": "
					+ (answer.length() > 300 ? answer.substring(0, 300) : answer));
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
