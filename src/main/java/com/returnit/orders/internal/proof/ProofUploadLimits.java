package com.returnit.orders.internal.proof;

import com.returnit.platform.LargerBodies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Lets proof uploads through the size limit at the edge up to the larger of the two limits; the endpoints apply each. */
@Configuration(proxyBeanMethods = false)
class ProofUploadLimits {

	@Bean
	LargerBodies proofUploads(ProofProperties properties) {
		return new LargerBodies("/v1/orders/*/proof/**",
				DataSize.ofBytes(Math.max(properties.maxPhotoSize().toBytes(), properties.maxSignatureSize().toBytes())));
	}
}
