package com.returnit.policy.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.returnit.policy.PickupRequest;
import com.returnit.policy.ReturnItem;
import com.returnit.policy.ReturnPolicy.CustomRule;
import com.returnit.policy.internal.domain.CompileIssue;
import com.returnit.policy.internal.domain.CustomRuleEngine;
import dev.cel.common.CelOptions;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Custom rules in CEL over typed variables {@code item} and {@code pickup}: a misspelt field is a compile error
 * when the policy is saved, not a surprise at booking. Evaluation is capped (comprehension iterations), and
 * compiled programs are cached by expression, since compiler, runtime and program are immutable and thread-safe.
 */
@Component
class CelRuleEngine implements CustomRuleEngine {

	private static final Logger log = LoggerFactory.getLogger(CelRuleEngine.class);
	private static final int MAX_ITERATIONS = 1000;

	private final Descriptor itemType;
	private final Descriptor pickupType;
	private final CelCompiler compiler;
	private final CelRuntime runtime;
	private final Cache<String, CelRuntime.Program> programs = Caffeine.newBuilder().maximumSize(10_000).build();

	CelRuleEngine() throws DescriptorValidationException {
		FileDescriptor types = FileDescriptor.buildFrom(schema(), new FileDescriptor[0]);
		this.itemType = types.findMessageTypeByName("Item");
		this.pickupType = types.findMessageTypeByName("Pickup");
		CelOptions options = CelOptions.current().comprehensionMaxIterations(MAX_ITERATIONS).build();
		this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
			.setOptions(options)
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.addFileTypes(types)
			.addVar("item", StructTypeReference.create(itemType.getFullName()))
			.addVar("pickup", StructTypeReference.create(pickupType.getFullName()))
			.setResultType(SimpleType.BOOL)
			.build();
		this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).addFileTypes(types).build();
	}

	@Override
	public Optional<String> compileError(String expression) {
		CelValidationResult result = compiler.compile(expression);
		return result.hasError() ? Optional.of(result.getErrorString()) : Optional.empty();
	}

	/**
	 * CEL's issues with their places: CEL counts lines from 1 and columns from 0 (its own error text adds 1), and a
	 * type error may carry {@link CelSourceLocation#NONE}; both are given here from 1, or null when unknown.
	 */
	@Override
	public List<CompileIssue> compileIssues(String expression) {
		CelValidationResult result = compiler.compile(expression);
		if (!result.hasError()) {
			return List.of();
		}
		return result.getErrors().stream().map(CelRuleEngine::issue).toList();
	}

	private static CompileIssue issue(CelIssue issue) {
		CelSourceLocation at = issue.getSourceLocation();
		boolean placed = !CelSourceLocation.NONE.equals(at) && at.getLine() >= 1 && at.getColumn() >= 0;
		return new CompileIssue(issue.getMessage(), placed ? at.getLine() : null, placed ? at.getColumn() + 1 : null);
	}

	@Override
	public boolean passes(CustomRule rule, ReturnItem item, PickupRequest pickup, int itemCount, Instant now) {
		try {
			Object result = program(rule.expression()).eval(Map.of("item", item(item, now), "pickup",
					pickup(pickup, itemCount, now)));
			return Boolean.TRUE.equals(result);
		}
		catch (CelEvaluationException | CelValidationException e) {
			log.warn("Rule '{}' failed to evaluate, so the item fails it: {}", rule.name(), e.getMessage());
			return false;
		}
	}

	private CelRuntime.Program program(String expression) throws CelValidationException, CelEvaluationException {
		CelRuntime.Program cached = programs.getIfPresent(expression);
		if (cached != null) {
			return cached;
		}
		CelRuntime.Program program = runtime.createProgram(compiler.compile(expression).getAst());
		programs.put(expression, program);
		return program;
	}

	private DynamicMessage item(ReturnItem item, Instant now) {
		return DynamicMessage.newBuilder(itemType)
			.setField(itemType.findFieldByName("sku"), item.sku())
			.setField(itemType.findFieldByName("description"), item.description())
			.setField(itemType.findFieldByName("category"), item.category())
			.setField(itemType.findFieldByName("valueCents"), item.valueCents())
			.setField(itemType.findFieldByName("purchasedDaysAgo"),
					Duration.between(item.purchasedAt(), now).toDays())
			.setField(itemType.findFieldByName("tagsAttached"), item.tagsAttached())
			.setField(itemType.findFieldByName("merchantOrderRef"),
					item.merchantOrderRef() == null ? "" : item.merchantOrderRef())
			.build();
	}

	private DynamicMessage pickup(PickupRequest pickup, int itemCount, Instant now) {
		return DynamicMessage.newBuilder(pickupType)
			.setField(pickupType.findFieldByName("address"), pickup.address())
			.setField(pickupType.findFieldByName("lat"), pickup.lat())
			.setField(pickupType.findFieldByName("lng"), pickup.lng())
			.setField(pickupType.findFieldByName("leadHours"), Duration.between(now, pickup.windowStart()).toHours())
			.setField(pickupType.findFieldByName("windowHours"),
					Duration.between(pickup.windowStart(), pickup.windowEnd()).toHours())
			.setField(pickupType.findFieldByName("itemCount"), (long) itemCount)
			.build();
	}

	/** The variables' types, declared at run time so that no protoc step is needed. */
	private static FileDescriptorProto schema() {
		return FileDescriptorProto.newBuilder()
			.setName("returnit_rules.proto").setPackage("returnit").setSyntax("proto3")
			.addMessageType(DescriptorProto.newBuilder().setName("Item")
				.addField(field("sku", 1, FieldDescriptorProto.Type.TYPE_STRING))
				.addField(field("description", 2, FieldDescriptorProto.Type.TYPE_STRING))
				.addField(field("category", 3, FieldDescriptorProto.Type.TYPE_STRING))
				.addField(field("valueCents", 4, FieldDescriptorProto.Type.TYPE_INT64))
				.addField(field("purchasedDaysAgo", 5, FieldDescriptorProto.Type.TYPE_INT64))
				.addField(field("tagsAttached", 6, FieldDescriptorProto.Type.TYPE_BOOL))
				.addField(field("merchantOrderRef", 7, FieldDescriptorProto.Type.TYPE_STRING)))
			.addMessageType(DescriptorProto.newBuilder().setName("Pickup")
				.addField(field("address", 1, FieldDescriptorProto.Type.TYPE_STRING))
				.addField(field("lat", 2, FieldDescriptorProto.Type.TYPE_DOUBLE))
				.addField(field("lng", 3, FieldDescriptorProto.Type.TYPE_DOUBLE))
				.addField(field("leadHours", 4, FieldDescriptorProto.Type.TYPE_INT64))
				.addField(field("windowHours", 5, FieldDescriptorProto.Type.TYPE_INT64))
				.addField(field("itemCount", 6, FieldDescriptorProto.Type.TYPE_INT64)))
			.build();
	}

	private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
		return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
			.setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
	}
}
