package com.returnit.orders.internal.proof;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** How large a pickup's photos and signature may be, and how many files one order may hold. */
@ConfigurationProperties("returnit.proof")
public record ProofProperties(DataSize maxPhotoSize, DataSize maxSignatureSize, int maxFilesPerOrder) {

	public ProofProperties {
		maxPhotoSize = maxPhotoSize == null ? DataSize.ofMegabytes(2) : maxPhotoSize;
		maxSignatureSize = maxSignatureSize == null ? DataSize.ofKilobytes(256) : maxSignatureSize;
		maxFilesPerOrder = maxFilesPerOrder <= 0 ? 20 : maxFilesPerOrder;
	}

	public long limitFor(ProofKind kind) {
		return (kind == ProofKind.PHOTO ? maxPhotoSize : maxSignatureSize).toBytes();
	}
}
