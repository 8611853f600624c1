package io.heavylegs.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * The real data source, counting the statements prepared on its connections: what the statement-count tests
 * assert on, since Hibernate's statistics do not see the plain-SQL reads.
 */
public final class CountingDataSource {

    private CountingDataSource() {
    }

    public static DataSource around(DataSource real, AtomicInteger statements) {
        ClassLoader loader = CountingDataSource.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(loader, new Class<?>[] { Connection.class }, (p, m, a) -> {
                        if (m.getName().startsWith("prepare")) {
                            statements.incrementAndGet();
                        }
                        return invoke(connection, m, a);
                    });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
