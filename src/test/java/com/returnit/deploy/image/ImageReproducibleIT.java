package com.returnit.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * bin/image twice from the same jar, recipe and JDK gives the same image, byte for byte: the second build starts from
 * an empty cache (the Debian base made again by mmdebstrap, the runtime linked again by jlink, the Boot layers
 * extracted again), so every layer is made twice and compared with the first build's (shared with ImageRunsIT). The
 * second build runs without CAP_SYS_ADMIN, as a {@code docker build} stage does: the Dockerfile's stages run the same
 * scripts, and this shows that they need no mounts.
 */
class ImageReproducibleIT {

	@TempDir
	Path emptyCache;

	@Test
	void twoBuildsFromTheSameInputsHaveTheSameLayerDigests() throws IOException {
		BuiltImage first = BuiltImage.shared();
		// without CAP_SYS_ADMIN (no mount, no namespaces), as in a `docker build` stage, which runs the same scripts
		BuiltImage again = BuiltImage.build(BuiltImage.PROJECT.resolve("target/image-again"),
				Map.of("RETURNIT_IMAGE_CACHE", emptyCache.toString()),
				List.of("setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "--"));

		assertThat(again.log()).as("nothing came from a cache").contains("(mmdebstrap)").contains("runtime: jlink")
			.doesNotContain("cached");
		assertThat(again.layerDigests()).as("layers, bottom to top (only the base differing: Debian updated a package since the cached base was made;"
				+ " bin/image --refresh-base)").hasSize(6).isEqualTo(first.layerDigests());
		assertThat(again.config()).isEqualTo(first.config());
		assertThat(again.manifestDigest()).isEqualTo(first.manifestDigest());
		assertThat(Files.mismatch(again.out().resolve("returnit-oci.tar"), first.out().resolve("returnit-oci.tar")))
			.as("the oci-archives").isEqualTo(-1L);
		System.out.printf("image %s: %d layers, %.1f MB compressed, %.1f MB uncompressed; cold build %ds%n",
				first.manifestDigest(), first.manifest().get("layers").size(), first.compressedBytes() / 1e6,
				uncompressedBytes(first) / 1e6, again.took().toSeconds());
	}

	private static long uncompressedBytes(BuiltImage image) throws IOException {
		long sum = 0;
		for (JsonNode layer : image.manifest().get("layers")) {
			Path blob = image.layout().resolve("blobs/sha256/" + layer.get("digest").asString().substring(7));
			try (InputStream in = new GZIPInputStream(Files.newInputStream(blob))) {
				sum += in.transferTo(OutputStream.nullOutputStream());
			}
		}
		return sum;
	}
}
