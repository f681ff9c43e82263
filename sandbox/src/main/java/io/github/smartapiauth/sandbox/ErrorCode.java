package io.github.smartapiauth.sandbox;

/** The SmartAPI error codes the sandbox answers, each in the dialect the real server uses for it. */
enum ErrorCode {
    AG8001("Invalid Token", Dialect.GATEWAY),
    AG8002("Token Expired", Dialect.GATEWAY),
    AG8003("Token missing", Dialect.GATEWAY),
    AG8004("Invalid API Key", Dialect.GATEWAY),
    AB1004("Something Went Wrong, Please Try After Sometime", Dialect.APPLICATION),
    AB1005("User Type Must Be USER", Dialect.APPLICATION),
    AB1007("Login Id or password is invalid", Dialect.APPLICATION),
    AB1032("User Not Found", Dialect.APPLICATION),
    AB1050("Invalid totp", Dialect.APPLICATION),
    AB7001("LoginbyPassword is not allowed. Please switch to Login by MPIN now.", Dialect.APPLICATION),
    AB8050("Invalid Refresh Token", Dialect.APPLICATION),
    AB8051("Refresh Token Expired", Dialect.APPLICATION);

    /** {@code status}/{@code errorcode}/{@code data:null}, or the gateway's {@code success}/{@code errorCode}/{@code data:""}. */
    enum Dialect { APPLICATION, GATEWAY }

    private final String message;
    private final Dialect dialect;

    ErrorCode(String message, Dialect dialect) {
        this.message = message;
        this.dialect = dialect;
    }

    String message() {
        return message;
    }

    Dialect dialect() {
        return dialect;
    }
}
