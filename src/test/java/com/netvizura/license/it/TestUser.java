package com.netvizura.license.it;

/** The users of the test Tomcats ({@code src/test/tomcat/conf/tomcat-users.xml}). */
public enum TestUser {
    /** Has the admin role: may open the License page. */
    ADMIN("admin", "admin"),
    /** Has no role at all: may use every page except the License administration. */
    USER("user", "user");

    private final String username;
    private final String password;

    TestUser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
