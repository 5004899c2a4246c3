/** The build settings that name learning record stores (see lrs/endpoint.ts). */
interface ImportMetaEnv {
	/** An LRS endpoint every page reports to. */
	readonly VITE_COURSEKIT_LRS?: string;
	/** The origins statements may be sent to, comma separated (the CSP's `connect-src`). */
	readonly VITE_COURSEKIT_LRS_ORIGINS?: string;
}
