package com.returnit.platform.internal.replica;

import java.lang.reflect.Method;
import java.sql.SQLException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Around every outermost {@code @Transactional(readOnly = true)} method, outside its transaction: when the replica
 * dies under a read (the connection cut in the middle of a query, SQL state 08 or 57P), the replica is reported lost
 * and the method runs once more, on the primary. A read-only transaction changed nothing, so running it again is safe.
 */
class ReplicaFallback implements MethodInterceptor {

	private final ObjectProvider<ReadReplica> replicas;

	ReplicaFallback(ObjectProvider<ReadReplica> replicas) {
		this.replicas = replicas;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive() || ReplicaUse.primaryOnly()) {
			return invocation.proceed();
		}
		MethodInvocation again = ((ProxyMethodInvocation) invocation).invocableClone();
		ReplicaUse.reset();
		try {
			return invocation.proceed();
		}
		catch (RuntimeException e) {
			if (!ReplicaUse.used() || !connectionLost(e)) {
				throw e;
			}
			replicas.getObject().lost(e);
			ReplicaUse.primaryOnly(true);
			try {
				return again.proceed();
			}
			finally {
				ReplicaUse.primaryOnly(false);
			}
		}
		finally {
			ReplicaUse.reset();
		}
	}

	static boolean connectionLost(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	/** Methods whose transaction attribute is read-only, as the transaction interceptor itself sees them. */
	static final class ReadOnlyMethods extends StaticMethodMatcherPointcut {

		private final TransactionAttributeSource attributes = new AnnotationTransactionAttributeSource(false);

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			TransactionAttribute attribute = attributes.getTransactionAttribute(method, targetClass);
			return attribute != null && attribute.isReadOnly();
		}
	}
}
