import { DynamicModule, Module } from '@nestjs/common';
import { AuthOptions } from './auth-options';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Provides the verifier and the guard. It does not install the guard globally: the platform's
 * `PlatformModule` does, in order with rate limiting.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: TokenVerifier, useFactory: () => new TokenVerifier(options) }, AuthGuard],
      exports: [TokenVerifier, AuthGuard],
    };
  }
}
