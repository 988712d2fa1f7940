package com.netvizura.license.mail;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JNDI provider for tests, standing in for the container's: {@code new InitialContext()} finds it through the
 * system property {@code java.naming.factory.initial}; only {@code lookup(String)} and {@code close()} work.
 */
public final class FakeNaming implements InitialContextFactory {

    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object o = BOUND.get(String.valueOf(args[0]));
                        if (o == null) {
                            throw new NameNotFoundException(args[0] + " is not bound");
                        }
                        yield o;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
