"""The 1C-Bitrix portal: the sale exchange client and the CommerceML reader."""
